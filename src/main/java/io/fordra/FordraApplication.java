package io.fordra;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Fordra: invoice-to-cash and collection, orchestrated by Camunda 7 (models in processes/, forms in forms/). */
@SpringBootApplication
@EnableProcessApplication("fordra")
@ConfigurationPropertiesScan
public class FordraApplication {

  public static void main(String[] args) {
    SpringApplication.run(FordraApplication.class, args);
  }
}
