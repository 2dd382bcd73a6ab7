package io.fordra.distribution.print;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs @Scheduled methods (PrintBatchSchedule); Fordra's other timers are Camunda's. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PrintSchedulingConfiguration {}
