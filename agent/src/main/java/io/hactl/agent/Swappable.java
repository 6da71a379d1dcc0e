package io.hactl.agent;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An interface implementation whose target can be replaced while callers hold it: workers keep
 * one {@code StateStore} for their life, and the agent swaps the connection behind it when it
 * has to find the controllers anew.
 */
final class Swappable<T> implements InvocationHandler {

  private final AtomicReference<T> target;
  private final T proxy;

  private Swappable(Class<T> type, T initial) {
    this.target = new AtomicReference<>(initial);
    this.proxy = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        this));
  }

  static <T> Swappable<T> of(Class<T> type, T initial) {
    return new Swappable<>(type, initial);
  }

  /** What callers hold: every call goes to the current target. */
  T proxy() {
    return proxy;
  }

  T current() {
    return target.get();
  }

  /** Makes {@code next} the target; returns the previous one, for the caller to close. */
  T swap(T next) {
    return target.getAndSet(next);
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target.get(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
