package com.engagementledger.intake.inbox;

import java.util.List;

/**
 * What became of a delivery: {@code RECORDED} (the commands sent and what each changed), {@code IGNORED} (why) or
 * {@code REJECTED} (engagement-service's rule; the commands before the refused one stay recorded and listed).
 */
public record Outcome(Status status, String reason, String rule, List<SentCommand> commands) {

    public enum Status { PENDING, RECORDED, IGNORED, REJECTED }

    /**
     * One command engagement-service accepted: its name, the resource it created or changed and that resource's
     * version after it (the aggregate's sequence: which event it appended).
     */
    public record SentCommand(String command, String resourceId, long version) {
    }

    public Outcome {
        commands = List.copyOf(commands);
    }

    public static Outcome recorded(List<SentCommand> commands) {
        return new Outcome(Status.RECORDED, null, null, commands);
    }

    public static Outcome ignored(String reason) {
        return new Outcome(Status.IGNORED, reason, null, List.of());
    }

    public static Outcome rejected(String rule, String reason, List<SentCommand> before) {
        return new Outcome(Status.REJECTED, reason, rule, before);
    }
}
