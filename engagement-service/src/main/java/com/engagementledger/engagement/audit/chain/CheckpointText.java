package com.engagementledger.engagement.audit.chain;

/** The exact text an Ed25519 checkpoint signature covers; shared by the signer and the offline verifier. */
public final class CheckpointText {
    private CheckpointText() {
    }

    public static String of(String engagementId, long chainSeq, String headHash, String signedAt) {
        return "engagement-ledger checkpoint v1\n" + engagementId + "\n" + chainSeq + "\n" + headHash + "\n" + signedAt;
    }
}
