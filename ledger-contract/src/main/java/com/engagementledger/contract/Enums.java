package com.engagementledger.contract;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The closed vocabularies of DOMAIN.md, shared by every service. */
public final class Enums {
    private Enums() {
    }

    public enum Side { CLIENT, PARTNER }

    public enum EngagementModel { DEDICATED_TEAM, PROJECT_BASED, OFFSHORE_DEV_CENTER, SPECIALIST_SUPPORT }

    public enum ManagementStructure { INTERNAL, SHARED, EXTERNAL }

    public enum ContractType { TIME_AND_MATERIALS, FIXED_PRICE, DEDICATED, RETAINER }

    public enum CoveragePattern { HALF_DAY_OVERLAP, FULL_CLIENT_HOURS, ASYNC_FIRST }

    public enum EngagementStatus { ACTIVE, PAUSED, CLOSED }

    /** What must be confirmed in-house before a workstream of a given type may move to the partner. */
    public enum TransferCondition {
        SPECS_AND_ACCEPTANCE_CRITERIA,
        REACHABLE_PRODUCT_OWNER,
        TEST_STRATEGY_DEFINED_IN_HOUSE,
        COVERAGE_EXPECTATIONS_DEFINED,
        ARCHITECTURE_DOCUMENTED,
        EDGE_CASE_ESCALATION_PATH,
        STRONG_INTERNAL_TECHNICAL_LEAD,
        ROLLBACK_STRATEGY_DOCUMENTED,
        API_CONTRACTS_AND_VERSIONING_AGREED,
        RELEASE_DECISIONS_STAY_IN_HOUSE;

        /**
         * The conditions in their one canonical order, this declaration's: a set read back from JSON (a HashSet)
         * would otherwise be written in hash order, so the stored event, its Kafka body and its views would list
         * the same conditions differently. Null stays null.
         */
        public static Set<TransferCondition> inDeclarationOrder(Collection<TransferCondition> conditions) {
            if (conditions == null) {
                return null;
            }
            EnumSet<TransferCondition> ordered = EnumSet.noneOf(TransferCondition.class);
            ordered.addAll(conditions);
            return Collections.unmodifiableSet(ordered);
        }
    }

    /** How a workstream may be transferred, straight from DOMAIN.md's work-type table. */
    public enum Transferability { YES, SPECIALIST_SUPPORT_ONLY, KEEP_IN_HOUSE, DEFINE_REQUIREMENTS_FIRST }

    public enum WorkType {
        WELL_DEFINED_FEATURE(Transferability.YES,
                EnumSet.of(TransferCondition.SPECS_AND_ACCEPTANCE_CRITERIA, TransferCondition.REACHABLE_PRODUCT_OWNER)),
        QA_AUTOMATION(Transferability.YES,
                EnumSet.of(TransferCondition.TEST_STRATEGY_DEFINED_IN_HOUSE, TransferCondition.COVERAGE_EXPECTATIONS_DEFINED)),
        MAINTENANCE(Transferability.YES,
                EnumSet.of(TransferCondition.ARCHITECTURE_DOCUMENTED, TransferCondition.EDGE_CASE_ESCALATION_PATH)),
        CLOUD_MIGRATION(Transferability.YES,
                EnumSet.of(TransferCondition.STRONG_INTERNAL_TECHNICAL_LEAD, TransferCondition.ROLLBACK_STRATEGY_DOCUMENTED)),
        MODULAR_PLATFORM(Transferability.YES,
                EnumSet.of(TransferCondition.API_CONTRACTS_AND_VERSIONING_AGREED)),
        DEVOPS_CI_CD(Transferability.SPECIALIST_SUPPORT_ONLY,
                EnumSet.of(TransferCondition.RELEASE_DECISIONS_STAY_IN_HOUSE)),
        CORE_ARCHITECTURE(Transferability.KEEP_IN_HOUSE, EnumSet.noneOf(TransferCondition.class)),
        PRODUCT_STRATEGY(Transferability.KEEP_IN_HOUSE, EnumSet.noneOf(TransferCondition.class)),
        SECURITY_RISK_ACCEPTANCE(Transferability.KEEP_IN_HOUSE, EnumSet.noneOf(TransferCondition.class)),
        UNDEFINED_SCOPE(Transferability.DEFINE_REQUIREMENTS_FIRST, EnumSet.noneOf(TransferCondition.class));

        private final Transferability transferability;
        private final EnumSet<TransferCondition> requiredConditions;

        WorkType(Transferability transferability, EnumSet<TransferCondition> requiredConditions) {
            this.transferability = transferability;
            this.requiredConditions = requiredConditions;
        }

        public Transferability transferability() {
            return transferability;
        }

        public Set<TransferCondition> requiredConditions() {
            return EnumSet.copyOf(requiredConditions);
        }
    }

    public enum DecisionCategory {
        DATA_MODEL, API_CONTRACT, INFRASTRUCTURE, ARCHITECTURE, SECURITY_RISK_ACCEPTANCE, PRODUCT_STRATEGY, RELEASE,
        PROCESS, STAFFING;

        /** ARCHITECTURE, PRODUCT_STRATEGY, SECURITY_RISK_ACCEPTANCE and RELEASE are accepted by the client side only. */
        public boolean clientOnly() {
            return this == ARCHITECTURE || this == PRODUCT_STRATEGY || this == SECURITY_RISK_ACCEPTANCE || this == RELEASE;
        }
    }

    public enum Reversibility { REVERSIBLE, COSTLY, IRREVERSIBLE }

    public enum DecisionStatus { PROPOSED, AWAITING_SECOND_APPROVAL, IN_EFFECT, SUPERSEDED, REVERSED }

    public enum OwnershipArea {
        PRIORITIES, DECISION_APPROVAL, ESCALATION, DEFINITION_OF_DONE, INFRASTRUCTURE_AS_CODE, DEPLOY_PIPELINE,
        MONITORING, ON_CALL, DATA_MODEL, API_CONTRACTS, RELEASE_DECISIONS, SECURITY_POSTURE;

        /** PRIORITIES, RELEASE_DECISIONS and SECURITY_POSTURE stay with the client. */
        public boolean clientOnly() {
            return this == PRIORITIES || this == RELEASE_DECISIONS || this == SECURITY_POSTURE;
        }
    }

    public enum OnboardingPhase {
        OBSERVATION, CONTRIBUTION, ACCOUNTABLE_OWNERSHIP;

        public OnboardingPhase next() {
            return this == ACCOUNTABLE_OWNERSHIP ? null : values()[ordinal() + 1];
        }
    }

    public enum OnboardingMilestone {
        ACCESS_GRANTED, PRODUCT_CONTEXT_TRANSFERRED, ARCHITECTURE_WALKTHROUGH_DONE, FIRST_CHANGE_MERGED,
        FIRST_INCREMENT_SHIPPED, RUNBOOK_AUTHORED, ON_CALL_READY
    }

    public enum Severity { SEV1, SEV2, SEV3, SEV4 }

    public enum IncidentStatus { OPEN, ACKNOWLEDGED, MITIGATED, RESOLVED }

    public enum DefectStage { BEFORE_RELEASE, PRODUCTION }

    public enum ReviewKind { WEEKLY_METRICS, WEEK_8_GOVERNANCE, MONTHLY_STANDARDS }
}
