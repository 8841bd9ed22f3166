package pl.mopsflow.enginehost.spin;

import java.util.List;
import java.util.Map;
import org.camunda.spin.spi.TypeDetector;

/**
 * Maps and lists of classes outside {@code java.*} (the Scala wrappers FEEL returns for contexts and lists) are
 * stored as plain {@code LinkedHashMap} / {@code ArrayList} JSON, so reading the variable back does not need the
 * wrapper class (which Jackson cannot construct) and the app sees the shape it sends.
 */
public class PlainCollectionTypeDetector implements TypeDetector {

  static final String MAP_TYPE = "java.util.LinkedHashMap<java.lang.String,java.lang.Object>";
  static final String LIST_TYPE = "java.util.ArrayList<java.lang.Object>";

  @Override
  public boolean canHandle(Object value) {
    return (value instanceof Map || value instanceof List) && !value.getClass().getName().startsWith("java.");
  }

  @Override
  public String detectType(Object value) {
    return value instanceof Map ? MAP_TYPE : LIST_TYPE;
  }
}
