package io.fordra.security;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine {@link LockoutIdentityProvider} for its users: wrong passwords lock a staff user for
 * fordra.security.lockout after fordra.security.max-failed-logins in a row, never for good.
 */
@Component
class LoginLockout extends AbstractProcessEnginePlugin implements SessionFactory {

  private final int maxFailedLogins;
  private final Duration lockout;

  public LoginLockout(@Value("${fordra.security.max-failed-logins:5}") int maxFailedLogins,
                      @Value("${fordra.security.lockout:PT15M}") Duration lockout) {
    if (maxFailedLogins < 1 || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("fordra.security.max-failed-logins must be at least 1 and "
          + "fordra.security.lockout positive");
    }
    this.maxFailedLogins = maxFailedLogins;
    this.lockout = lockout;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(this);
    // The engine's own permanent lock (a user locked until an administrator unlocks it) is never reached.
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
  }

  @Override
  public Class<?> getSessionType() {
    return LockoutIdentityProvider.class;
  }

  @Override
  public Session openSession() {
    return new LockoutIdentityProvider(maxFailedLogins, lockout);
  }
}
