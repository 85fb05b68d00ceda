package dev.sextant.server.targets.local;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An admin socket that answers like HAProxy without being one: it records each command and answers
 * it from a function, one command per connection. A null answer keeps the connection open
 * unanswered.
 */
final class FakeAdminSocket implements AutoCloseable {
  // Answers HAProxy 2.6.12 gave, recorded by hand.
  static final String ADDRESS_CHANGED =
      "no need to change the addr, port changed from '1' to '9002' by 'stats socket command'\n\n";

  private final Path path;
  private final ServerSocketChannel server;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final Thread thread;

  FakeAdminSocket(Function<String, String> answers) throws IOException {
    path = Files.createTempDirectory(Path.of("/tmp"), "sxf").resolve("admin.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    thread = new Thread(() -> serve(answers), "fake-haproxy-admin");
    thread.setDaemon(true);
    thread.start();
  }

  /** Answers like HAProxy to every command it accepts. */
  static FakeAdminSocket accepting() throws IOException {
    return new FakeAdminSocket(c -> c.contains(" addr ") ? ADDRESS_CHANGED : "\n");
  }

  Path path() {
    return path;
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  void forget() {
    commands.clear();
  }

  private void serve(Function<String, String> answers) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        StringBuilder line = new StringBuilder();
        while (line.indexOf("\n") < 0 && client.read(buffer) > 0) {
          line.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
          buffer.clear();
        }
        String command = line.toString().strip();
        commands.add(command);
        String answer = answers.apply(command);
        if (answer == null) {
          Thread.sleep(10_000);
          continue;
        }
        client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    thread.interrupt();
    Files.deleteIfExists(path);
    Files.deleteIfExists(path.getParent());
  }
}
