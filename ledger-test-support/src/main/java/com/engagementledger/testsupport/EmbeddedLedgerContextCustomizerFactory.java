package com.engagementledger.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.HashMap;
import java.util.List;

/** Applies {@link EmbeddedLedger}; registered in META-INF/spring.factories as Spring's test context expects. */
class EmbeddedLedgerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedLedger ledger = TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedLedger.class);
        return ledger == null ? null : new Customizer(ledger.database());
    }

    /** Equal for the same database, so test classes on one database share the cached application context. */
    private record Customizer(String database) implements ContextCustomizer {
        private static final String SOURCE = "embeddedLedger";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MapPropertySource source = new MapPropertySource(SOURCE, new HashMap<>(EmbeddedLedgerProperties.of(database)));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            // above application.yml, below a test's own @TestPropertySource(properties = ...)
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addFirst(source);
            }
            context.getBeanFactory().registerSingleton("openApiExchangeRecorder", new OpenApiExchangeRecorder());
        }
    }
}
