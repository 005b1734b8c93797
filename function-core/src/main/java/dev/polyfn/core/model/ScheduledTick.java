package dev.polyfn.core.model;

import java.time.OffsetDateTime;

/**
 * A timer fired (EventBridge schedule, Azure timer, Cloud Scheduler, FC and SCF timer triggers).
 *
 * @param schedule the schedule's or trigger's name (or expression when the cloud gives no name)
 * @param fireTime when the timer fired
 * @param payload the text configured on the trigger, null when there is none
 * @param pastDue true when the cloud reports the tick as late (Azure's IsPastDue)
 */
public record ScheduledTick(String schedule, OffsetDateTime fireTime, String payload, boolean pastDue) {
}
