package io.huoshui.service.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP server's own limits told as problems. A request line or headers longer than the server
 * reads, or bytes that are no HTTP request at all, are refused by the decoder before any filter or
 * handler runs; Reactor Netty would answer them with an empty 414, 431 or 400. A handler right
 * behind the decoder answers them instead, in the request's language as far as its headers were
 * read, and a request target that is no URI the same way.
 */
final class ServerLimits {

  private ServerLimits() {}

  /** What a limit says, by status: Chinese, then English. */
  private static final Map<HttpStatus, List<String>> DETAILS =
      Map.of(
          HttpStatus.CONTENT_TOO_LARGE,
          List.of("请求体超过了 API 接受的大小。", "The request body is larger than the API accepts."),
          HttpStatus.URI_TOO_LONG,
          List.of(
              "请求行（路径与查询参数）超过了服务器接受的长度。",
              "The request line (path and query) is longer than the server accepts."),
          HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
          List.of("请求头超过了服务器接受的大小。", "The request headers are larger than the server accepts."),
          HttpStatus.BAD_REQUEST,
          List.of("请求不是格式正确的 HTTP 请求。", "The request is not a well-formed HTTP request."));

  static Map<String, Object> problem(HttpStatus status, Locale locale, String instance) {
    List<String> detail = DETAILS.get(status);
    return Problems.body(
        status,
        status.getReasonPhrase(),
        detail.get(Refusal.wantsEnglish(locale) ? 1 : 0),
        instance);
  }

  static NettyServerCustomizer answeredAsProblems(JsonMapper json) {
    return server ->
        server.doOnChannelInit(
            (observer, channel, remote) -> {
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel
                    .pipeline()
                    .addAfter(
                        NettyPipeline.HttpCodec,
                        "huoshui.decodingFailures",
                        new DecodingFailures(json));
              }
            });
  }

  static HttpStatus statusOf(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return HttpStatus.URI_TOO_LONG;
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
    return HttpStatus.BAD_REQUEST;
  }

  /** The language an {@code Accept-Language} asks for first; Chinese when it asks for none. */
  static Locale localeOf(String acceptLanguage) {
    if (acceptLanguage == null) {
      return Locale.CHINESE;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      return ranges.isEmpty() ? Locale.CHINESE : Locale.forLanguageTag(ranges.get(0).getRange());
    } catch (IllegalArgumentException malformed) {
      return Locale.CHINESE;
    }
  }

  /**
   * Whether the request target parses as a URI. The decoder takes any target without spaces, but
   * the web layer builds a {@link URI} from it and would answer one it cannot parse (a raw
   * backslash, a bare {@code %} or {@code ^}) with an empty 400 before any filter runs.
   */
  static boolean isUri(String target) {
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException unparsable) {
      return false;
    }
  }

  /**
   * One per connection. After a refusal the rest of what the connection sends is dropped, by the
   * decoder or here, and the answer closes it, so nothing after the refused request reaches the
   * server.
   */
  private static final class DecodingFailures extends ChannelInboundHandlerAdapter {

    private final JsonMapper json;
    private boolean refused;

    DecodingFailures(JsonMapper json) {
      this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      if (refused) {
        ReferenceCountUtil.release(message);
        return;
      }
      if (!(message instanceof HttpRequest request)) {
        context.fireChannelRead(message);
        return;
      }
      DecoderResult result = request.decoderResult();
      boolean malformed = result.isFailure();
      if (!malformed && isUri(request.uri())) {
        context.fireChannelRead(message);
        return;
      }
      refused = true;
      Locale locale = localeOf(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
      ReferenceCountUtil.release(message);
      HttpStatus status = malformed ? statusOf(result.cause()) : HttpStatus.BAD_REQUEST;
      byte[] body = json.writeValueAsBytes(problem(status, locale, null));
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(status.value()),
              Unpooled.wrappedBuffer(body));
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
