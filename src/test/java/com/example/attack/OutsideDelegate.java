package com.example.attack;

import io.fordra.deployment.AttackSideEffect;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A delegate outside io.fordra (a library class, or one an attacker got onto the class path): no model may name it. */
public class OutsideDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    AttackSideEffect.hit();
  }
}
