package pl.mopsflow.enginehost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The mops-flow engine host: Camunda 7 CE with its REST API, HTTP Basic, the event feed and the test clock. */
@SpringBootApplication
public class MopsEngineHostApplication {

  public static void main(String[] args) {
    SpringApplication.run(MopsEngineHostApplication.class, args);
  }
}
