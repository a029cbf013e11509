package io.huoshui.eventing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a member of an incoming payload that a producer may leave out. Every other member of a
 * payload record (and of the records nested in it) must be present, or the event is poison: a
 * consumer then never acts on half an event.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MayBeAbsent {}
