package com.engagementledger.testsupport;

import com.engagementledger.embedded.LedgerInfrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring Boot test's application at the JVM's real PostgreSQL (the named database) and Kafka broker, both
 * started once per JVM by {@link LedgerInfrastructure#shared()}, and makes it verify tokens signed with
 * {@link TestTokens#SECRET} ({@link EmbeddedLedgerProperties}). Tests never wipe data: each uses its own engagement
 * ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedLedger {

    /** The service's database, one of {@link LedgerInfrastructure#DATABASES}. */
    String database();
}
