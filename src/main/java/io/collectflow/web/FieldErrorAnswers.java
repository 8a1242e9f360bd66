package io.collectflow.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a controller whose errors {@link FieldErrorAdvice} answers as {"error": "field: problem", "field": …}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FieldErrorAnswers {
}
