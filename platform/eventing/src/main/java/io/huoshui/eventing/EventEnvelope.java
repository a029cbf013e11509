package io.huoshui.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The one envelope every Huoshui event travels in: a CloudEvents 1.0 event in structured JSON mode
 * (attribute names as the CloudEvents spec gives them), the payload under {@code data}.
 *
 * @param subject the aggregate the event is about (a demand id, a product id); it is also the Kafka
 *     key, so that all events of one aggregate stay in order on one partition
 * @param dataschema the JSON Schema the payload conforms to, when the producer publishes one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
    String specversion,
    String id,
    URI source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    URI dataschema,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";

  /** The content type of an envelope on the wire (CloudEvents structured mode). */
  public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
