package io.fordra.deployment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The Spring beans that process models may name, read from the application context when the first model is judged
 * (every bean is defined by then): the steps (Fordra's delegates and listeners, named as {@code ${bean}} delegate
 * expressions) and the beans marked {@link ModelFunctions}. Every other bean is out of the models' reach.
 */
@Component
class ModelBeans {

  private static final String FORDRA = "io.fordra.";
  private static final List<Class<?>> STEP_TYPES =
      List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

  private final ApplicationContext context;
  private volatile Catalogue catalogue;

  private record Catalogue(Set<String> steps, Map<String, Class<?>> functions) {}

  public ModelBeans(ApplicationContext context) {
    this.context = context;
  }

  /** A step: a bean of io.fordra that is a JavaDelegate, ExecutionListener or TaskListener. */
  public boolean isStep(String name) {
    return catalogue().steps().contains(name);
  }

  /** The class of a {@link ModelFunctions} bean of that name, or null. */
  public Class<?> functions(String name) {
    return catalogue().functions().get(name);
  }

  /** Any bean of the application context, Fordra's or not (Spring resolves such names in expressions). */
  public boolean isBean(String name) {
    return context.containsBean(name);
  }

  /** Every bean a model may reach at runtime: the steps and the model functions. */
  public Set<String> reachable() {
    return Stream.concat(catalogue().steps().stream(), catalogue().functions().keySet().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  public Object bean(String name) {
    return context.getBean(name);
  }

  private Catalogue catalogue() {
    Catalogue known = catalogue;
    if (known == null) {
      Set<String> steps = STEP_TYPES.stream()
          .flatMap(type -> Stream.of(context.getBeanNamesForType(type, true, false)))
          .filter(name -> isFordra(typeOf(name)))
          .collect(Collectors.toUnmodifiableSet());
      Map<String, Class<?>> functions = Stream.of(context.getBeanNamesForAnnotation(ModelFunctions.class))
          .filter(name -> isFordra(typeOf(name)))
          .collect(Collectors.toUnmodifiableMap(Function.identity(), this::typeOf));
      known = new Catalogue(steps, functions);
      catalogue = known;
    }
    return known;
  }

  private Class<?> typeOf(String name) {
    Class<?> type = context.getType(name, false);
    return type == null ? null : ClassUtils.getUserClass(type);
  }

  static boolean isFordra(Class<?> type) {
    return type != null && type.getName().startsWith(FORDRA);
  }

  static boolean isFordraClassName(String name) {
    return name.startsWith(FORDRA);
  }
}
