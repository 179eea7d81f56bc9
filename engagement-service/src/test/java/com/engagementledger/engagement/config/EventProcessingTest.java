package com.engagementledger.engagement.config;

import com.engagementledger.engagement.support.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The processing groups run as application.yml says: what must commit with the command runs inside it. */
class EventProcessingTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void views_chain_and_supersession_run_in_the_appending_transaction_and_the_publisher_streams() {
        assertThat(processor("views")).isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processor("audit-chain")).isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processor("decision-supersession")).isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processor("kafka-publisher")).isInstanceOf(TrackingEventProcessor.class);
        assertThat(processing.eventProcessors()).hasSize(4);
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new AssertionError("no processor " + name));
    }
}
