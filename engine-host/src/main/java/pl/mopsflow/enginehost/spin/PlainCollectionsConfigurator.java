package pl.mopsflow.enginehost.spin;

import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;

/** Registers {@link PlainCollectionTypeDetector} with Spin's JSON format (added detectors are asked first). */
public class PlainCollectionsConfigurator implements DataFormatConfigurator<JacksonJsonDataFormat> {

  @Override
  public Class<JacksonJsonDataFormat> getDataFormatClass() {
    return JacksonJsonDataFormat.class;
  }

  @Override
  public void configure(JacksonJsonDataFormat format) {
    format.addTypeDetector(new PlainCollectionTypeDetector());
  }
}
