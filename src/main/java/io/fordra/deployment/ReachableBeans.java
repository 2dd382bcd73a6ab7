package io.fordra.deployment;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Behind the gate, at runtime: the engine's expressions reach only the beans a model may name (the steps and the
 * model functions), not the whole application context. Camunda's SpringExpressionManager resolves every bean by name
 * unless the engine configuration holds a map of beans; this gives it one, read from {@link ModelBeans} when an
 * expression first asks (the beans themselves are fetched when used).
 */
@Component
class ReachableBeans implements BeanPostProcessor {

  private final ObjectProvider<ModelBeans> beans;

  ReachableBeans(ObjectProvider<ModelBeans> beans) {
    this.beans = beans;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    if (bean instanceof ProcessEngineConfigurationImpl configuration && configuration.getBeans() == null) {
      configuration.setBeans(new Beans(beans));
    }
    return bean;
  }

  /** The map the engine's expressions resolve names in: read-only, looked up on each use. */
  private static final class Beans extends AbstractMap<Object, Object> {

    private final ObjectProvider<ModelBeans> beans;

    Beans(ObjectProvider<ModelBeans> beans) {
      this.beans = beans;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && beans.getObject().reachable().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? beans.getObject().bean((String) key) : null;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      ModelBeans known = beans.getObject();
      return known.reachable().stream().map(name -> Map.entry((Object) name, known.bean(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }
}
