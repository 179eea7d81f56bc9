-- One PostgreSQL server, one database per service (DESIGN.md, "Ports and names").
-- Runs once, when the postgres container initialises an empty data volume.
CREATE DATABASE ledger_engagement;
CREATE DATABASE ledger_scorecard;
CREATE DATABASE ledger_notification;
