package pl.mopsflow.enginehost.info;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /mops/info}: what this host is. */
@RestController
public class InfoController {

  private final boolean testClock;

  public InfoController(@Value("${mops.test-clock.enabled:false}") boolean testClock) {
    this.testClock = testClock;
  }

  @GetMapping("/mops/info")
  public Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("host", "mops-engine-host");
    info.put("engineVersion", ProductPropertiesUtil.getProductVersion());
    info.put("testClock", testClock);
    return info;
  }
}
