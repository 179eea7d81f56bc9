package com.engagementledger.engagement.audit.chain;

/**
 * One link of an engagement's chain as a verifier sees it: the chain entry and the stored event it points at
 * ({@code event} is null when the event row is gone).
 */
public record ChainLink(long chainSeq, long position, String eventId, String prevHash, String hash,
                        CanonicalEvent event) {
}
