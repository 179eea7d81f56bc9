package com.engagementledger.intake.processing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Which ledger resource each tool object of a connection became ({@code pull-request:12} → a work item id). */
@Repository
class Links {
    private final JdbcClient jdbc;
    private final Clock clock;

    Links(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> find(UUID connectionId, String subject) {
        return jdbc.sql("select ledger_id from subject_link where connection_id = ? and subject = ?")
                .params(connectionId, subject).query(String.class).optional();
    }

    void link(UUID connectionId, String subject, String ledgerId) {
        jdbc.sql("""
                        insert into subject_link (connection_id, subject, ledger_id, linked_at) values (?, ?, ?, ?)
                        on conflict (connection_id, subject) do nothing""")
                .params(connectionId, subject, ledgerId, Timestamp.from(clock.instant())).update();
    }
}
