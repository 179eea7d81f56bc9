package com.engagementledger.intake.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The connections as stored, their secrets encrypted ({@link SecretCipher}). */
@Repository
public class Connections {
    private static final String COLUMNS = """
            id, engagement_id, source, repository, jira_site, jira_project_key, pagerduty_service_id, options,
            created_at, created_by, secret_rotated_at, deleted_at""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ObjectMapper json;

    Connections(JdbcClient jdbc, SecretCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /** A connection whose secret verifies a delivery's signature. */
    public record Verifiable(Connection connection, String secret) {
    }

    Connection create(Connection connection, String secret) {
        jdbc.sql("""
                        insert into connection (id, engagement_id, source, repository, jira_site, jira_project_key,
                          pagerduty_service_id, options, secret_ciphertext, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(connection.id(), connection.engagementId(), connection.source().name(),
                        connection.repository(), connection.site(), connection.projectKey(), connection.serviceId(),
                        toJson(connection.options()), cipher.encrypt(connection.id(), secret),
                        Timestamp.from(connection.createdAt()), connection.createdBy())
                .update();
        return connection;
    }

    /** A connection of the engagement that is not deleted. */
    public Optional<Connection> find(String engagementId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from connection where id = ? and engagement_id = ? "
                        + "and deleted_at is null")
                .params(id, engagementId).query(this::connection).optional();
    }

    /** Any connection, deleted ones too: a delivery received before the deletion still names it. */
    public Optional<Connection> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from connection where id = ?").params(id).query(this::connection)
                .optional();
    }

    List<Connection> list(String engagementId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from connection where engagement_id = ? and deleted_at is null "
                        + "order by created_at, id offset ? limit ?")
                .params(engagementId, offset, limit).query(this::connection).list();
    }

    long count(String engagementId) {
        return jdbc.sql("select count(*) from connection where engagement_id = ? and deleted_at is null")
                .params(engagementId).query(Long.class).single();
    }

    boolean rotateSecret(UUID id, String secret, Instant at) {
        return jdbc.sql("update connection set secret_ciphertext = ?, secret_rotated_at = ? "
                        + "where id = ? and deleted_at is null")
                .params(cipher.encrypt(id, secret), Timestamp.from(at), id).update() == 1;
    }

    boolean delete(UUID id, String by, Instant at) {
        return jdbc.sql("update connection set deleted_at = ?, deleted_by = ? where id = ? and deleted_at is null")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    /** The live GitHub connections of a repository (owner/name, any case), each with its secret. */
    public List<Verifiable> forGitHubRepository(String repository) {
        return jdbc.sql("select " + COLUMNS + ", secret_ciphertext from connection "
                        + "where lower(repository) = lower(?) and source = ? and deleted_at is null order by id")
                .params(repository, Source.GITHUB.name())
                .query((rs, n) -> {
                    Connection connection = connection(rs, n);
                    return new Verifiable(connection, cipher.decrypt(connection.id(), rs.getBytes("secret_ciphertext")));
                })
                .list();
    }

    private Connection connection(ResultSet rs, int row) throws SQLException {
        return new Connection(rs.getObject("id", UUID.class), rs.getString("engagement_id"),
                Source.valueOf(rs.getString("source")), rs.getString("repository"), rs.getString("jira_site"),
                rs.getString("jira_project_key"), rs.getString("pagerduty_service_id"),
                fromJson(rs.getString("options")), instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"), instant(rs.getTimestamp("secret_rotated_at")),
                instant(rs.getTimestamp("deleted_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String toJson(ConnectionOptions options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConnectionOptions fromJson(String options) {
        try {
            return json.readValue(options, ConnectionOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable options of a connection", e);
        }
    }

}
