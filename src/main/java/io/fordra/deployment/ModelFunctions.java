package io.fordra.deployment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring bean of Fordra whose public methods process models may call in expressions, and only in these two forms:
 * {@code ${bean.method()}} and {@code ${bean.method(execution)}} (timers, conditions, listeners that Camunda cannot
 * express with variables alone). The deployment gate refuses every other method call in a model, so whatever such a
 * method does is what a process owner can make happen: keep them to reading and scheduling.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelFunctions {}
