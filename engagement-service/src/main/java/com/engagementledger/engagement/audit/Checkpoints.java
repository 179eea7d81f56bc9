package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.audit.chain.CheckpointText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Signs engagements' chain heads: on demand, and every ledger.audit.checkpoint-interval for each engagement whose
 * head moved since its last checkpoint.
 */
@Component
@EnableScheduling
class Checkpoints {
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final Signer signer;
    private final Clock clock;

    Checkpoints(JdbcClient jdbc, Signer signer, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
    }

    /** A signed checkpoint, exactly as the offline verifier reads it. */
    record Checkpoint(long id, String engagementId, long chainSeq, String headHash, String signedAt,
                      String signature, String keyId, String algorithm) {
    }

    /** Signs the current head; empty when the engagement has no chain yet. */
    Optional<Checkpoint> sign(String engagementId) {
        record Head(long seq, String hash) {
        }
        // one row, read at once: the signed pair (seq, hash) is one that really existed together
        Optional<Head> head = jdbc.sql("select chain_seq, hash from event_chain_head where engagement_id = ?")
                .params(engagementId).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
        if (head.isEmpty() || head.get().seq() == 0) {
            return Optional.empty();
        }
        // millisecond precision survives timestamptz unchanged, so the listed signedAt is the signed text
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String signature = signer.sign(CheckpointText.of(engagementId, head.get().seq(), head.get().hash(),
                at.toString()));
        long id = jdbc.sql("""
                        insert into audit_checkpoint (engagement_id, chain_seq, head_hash, signed_at, signature, key_id)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(engagementId, head.get().seq(), head.get().hash(), Timestamp.from(at), signature,
                        signer.keyId())
                .query(Long.class).single();
        return Optional.of(new Checkpoint(id, engagementId, head.get().seq(), head.get().hash(), at.toString(),
                signature, signer.keyId(), Signer.ALGORITHM));
    }

    List<Checkpoint> list(String engagementId) {
        return jdbc.sql("""
                        select id, engagement_id, chain_seq, head_hash, signed_at, signature, key_id
                        from audit_checkpoint where engagement_id = ? order by id""")
                .params(engagementId)
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant().toString(), rs.getString(6), rs.getString(7),
                        Signer.ALGORITHM))
                .list();
    }

    /** Every engagement whose head moved since its last checkpoint gets a new one. */
    @Scheduled(fixedDelayString = "${ledger.audit.checkpoint-interval:PT1H}",
            initialDelayString = "${ledger.audit.checkpoint-interval:PT1H}")
    void signMovedHeads() {
        List<String> moved = jdbc.sql("""
                        select h.engagement_id from event_chain_head h
                        where h.chain_seq > coalesce((select max(c.chain_seq) from audit_checkpoint c
                                                      where c.engagement_id = h.engagement_id), 0)""")
                .query(String.class).list();
        for (String engagementId : moved) {
            try {
                sign(engagementId);
            } catch (RuntimeException e) {
                log.warn("checkpoint of engagement {} failed; the next run tries again", engagementId, e);
            }
        }
        if (!moved.isEmpty()) {
            log.info("signed checkpoints of {} engagements", moved.size());
        }
    }
}
