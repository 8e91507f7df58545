package dev.badgesmith.pages;

import freemarker.ext.beans.GenericObjectModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperConfiguration;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Freemarker's default wrapper, with a short way to the model of a view record: a page wraps one
 * each time a template reads a record component, and the default way to its model is a chain of
 * type tests and a lookup. The first record of each class takes the default way, and the short one
 * is taken for that class only when it gave the same kind of model, so templates see what they
 * always saw.
 */
final class ViewsWrapper extends DefaultObjectWrapper {
  private final Map<Class<?>, Boolean> generic = new ConcurrentHashMap<>();

  ViewsWrapper(DefaultObjectWrapperConfiguration configuration) {
    super(configuration, true);
  }

  @Override
  public TemplateModel wrap(Object object) throws TemplateModelException {
    if (!(object instanceof Record)) {
      return super.wrap(object);
    }
    Boolean known = generic.get(object.getClass());
    if (known == Boolean.TRUE) {
      return new GenericObjectModel(object, this);
    }
    TemplateModel model = super.wrap(object);
    if (known == null) {
      generic.put(object.getClass(), model.getClass() == GenericObjectModel.class);
    }
    return model;
  }
}
