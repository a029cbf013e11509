package io.huoshui.matching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MatchingServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(MatchingServiceApplication.class, args);
  }
}
