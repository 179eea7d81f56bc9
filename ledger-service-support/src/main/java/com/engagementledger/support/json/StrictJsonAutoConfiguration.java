package com.engagementledger.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Request bodies are read strictly ({@link StrictJsonHttpMessageConverter}). Only the HTTP converter's mapper is
 * strict: the application's ObjectMapper bean, which Kafka consumers, Axon's serializer and the services' own
 * storage code may use, keeps its settings. Spring Boot's converter backs off for this one; a service that
 * declares its own keeps it.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = HttpMessageConvertersAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ObjectMapper.class)
public class StrictJsonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MappingJackson2HttpMessageConverter.class)
    MappingJackson2HttpMessageConverter strictJsonHttpMessageConverter(ObjectMapper application) {
        return new StrictJsonHttpMessageConverter(application);
    }
}
