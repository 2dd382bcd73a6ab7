package io.fordra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Orders test classes so that the suite, run in one JVM, starts each Spring context once: first the classes without
 * a Spring context, then the classes of each context configuration one after another (the largest group first), and
 * last the classes that throw their context away ({@code @DirtiesContext}). Spring caches the context a group
 * shares; {@link OneContextAtATime} closes it when the next group begins. Configured in junit-platform.properties.
 */
public class SpringContextGroups implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    Map<Object, Integer> groupSize = new HashMap<>();
    Map<ClassDescriptor, Object> groupOf = new HashMap<>();
    for (ClassDescriptor descriptor : context.getClassDescriptors()) {
      Object group = group(descriptor.getTestClass());
      groupOf.put(descriptor, group);
      groupSize.merge(group, 1, Integer::sum);
    }
    List<Object> groups = new ArrayList<>(groupSize.keySet());
    groups.sort(Comparator.comparingInt((Object g) -> rank(g))
        .thenComparing(g -> -groupSize.get(g)).thenComparing(String::valueOf));
    context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor d) -> groups.indexOf(groupOf.get(d)))
        .thenComparing(d -> d.getTestClass().getName()));
  }

  private static int rank(Object group) {
    return group == NO_CONTEXT ? 0 : group instanceof DirtiedContext ? 2 : 1;
  }

  private static final Object NO_CONTEXT = "no Spring context";

  private record DirtiedContext(String testClass) {}

  /** What decides whether two classes share a context: Spring's own cache key, the merged configuration. */
  private static Object group(Class<?> testClass) {
    boolean spring = AnnotatedElementUtils.findMergedRepeatableAnnotations(testClass, ExtendWith.class).stream()
        .anyMatch(extension -> List.of(extension.value()).contains(SpringExtension.class));
    if (!spring) {
      return NO_CONTEXT;
    }
    if (AnnotatedElementUtils.hasAnnotation(testClass, DirtiesContext.class)) {
      return new DirtiedContext(testClass.getName());
    }
    MergedContextConfiguration configuration =
        BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
    return configuration;
  }
}
