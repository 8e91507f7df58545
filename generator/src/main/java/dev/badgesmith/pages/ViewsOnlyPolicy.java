package dev.badgesmith.pages;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * What a template may read of a Java object: the public methods that Badgesmith's own classes
 * declare (the views' record components), and nothing else. Collections, strings, numbers, dates
 * and booleans reach templates as Freemarker values, not as Java objects, so they need none; every
 * other class, and every method inherited from {@link Object} such as {@code getClass()}, stays out
 * of reach.
 */
final class ViewsOnlyPolicy implements MemberAccessPolicy {
  private static final String OURS = "dev.badgesmith.";

  @Override
  public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
    return new ClassMemberAccessPolicy() {
      @Override
      public boolean isMethodExposed(Method method) {
        return method.getDeclaringClass().getName().startsWith(OURS);
      }

      @Override
      public boolean isConstructorExposed(Constructor<?> constructor) {
        return false;
      }

      @Override
      public boolean isFieldExposed(Field field) {
        return false;
      }
    };
  }

  @Override
  public boolean isToStringAlwaysExposed() {
    return true;
  }
}
