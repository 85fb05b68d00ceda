package dev.sextant.server.targets.local;

import dev.sextant.core.digest.Digest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body streamed into a {@link DigestingFile}, one buffer list at a time. Abandoning it
 * (on a timeout) cancels the stream at its next buffer rather than leaving a writer behind.
 */
final class HttpDownload implements HttpResponse.BodySubscriber<Digest> {
  private final DigestingFile file;
  private final CompletableFuture<Digest> body = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  HttpDownload(DigestingFile file) {
    this.file = file;
  }

  void abandon(Throwable why) {
    body.completeExceptionally(why);
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (body.isDone()) {
      subscription.cancel();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      subscription.cancel();
      return;
    }
    try {
      for (ByteBuffer buffer : buffers) {
        file.write(buffer);
      }
      subscription.request(1);
    } catch (IOException e) {
      subscription.cancel();
      body.completeExceptionally(e);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    body.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    try {
      body.complete(file.finish());
    } catch (IOException e) {
      body.completeExceptionally(e);
    }
  }

  @Override
  public CompletionStage<Digest> getBody() {
    return body;
  }
}
