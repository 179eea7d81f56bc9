package com.engagementledger.contract;

/** Every fact the ledger records belongs to exactly one engagement; that id is the Kafka key and the CloudEvents subject. */
public interface LedgerEvent {
    String engagementId();
}
