package com.engagementledger.scorecard.consuming;

/** A message of a known type that can never be applied (bad body, missing id); retrying will not help. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
