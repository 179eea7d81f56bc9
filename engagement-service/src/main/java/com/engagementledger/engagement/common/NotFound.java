package com.engagementledger.engagement.common;

/** An unknown resource, or one the caller may not see: both answer 404 so that nothing leaks. */
public class NotFound extends RuntimeException {
    public NotFound(String what, String id) {
        super(what + " " + id + " not found");
    }
}
