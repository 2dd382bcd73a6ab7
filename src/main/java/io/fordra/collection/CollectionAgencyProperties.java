package io.fordra.collection;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** fordra.collection-agency.*: who takes over unpaid claims, and what withdrawing a case costs. */
@ConfigurationProperties("fordra.collection-agency")
public record CollectionAgencyProperties(String name, String email, BigDecimal withdrawalFee) {}
