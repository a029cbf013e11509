package io.huoshui.service.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a request as prose written by a person (a description, a note), where a
 * line break or a tab belongs to the text. Every other text field refuses them with the other
 * control characters: a name or a code with a line break in it is a forged log line or a broken
 * export waiting to happen.
 */
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Prose {}
