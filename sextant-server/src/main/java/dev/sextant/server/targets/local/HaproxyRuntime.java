package dev.sextant.server.targets.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A client of HAProxy's runtime API on its admin UNIX socket. Each command opens its own
 * connection: without {@code prompt}, HAProxy answers one command and closes, so the answer is
 * everything up to end of stream.
 */
public final class HaproxyRuntime {
  // A successful "set server … addr" reports what changed; every other answer is a refusal.
  private static final Pattern ADDRESS_CHANGED =
      Pattern.compile("(IP changed from|no need to change the addr)[^\\n]*\\s*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]+");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private final Path socket;
  private final Duration timeout;

  /**
   * @param socket the admin socket ({@code stats socket … level admin})
   * @param timeout how long one command may take, connecting included
   */
  public HaproxyRuntime(Path socket, Duration timeout) {
    this.socket = socket;
    this.timeout = timeout;
  }

  public Path socket() {
    return socket;
  }

  /** Points a slot at a release process, without a reload. */
  public void setServerAddress(String backend, String server, String host, int port) {
    if (!IPV4.matcher(host).matches()) {
      throw new IllegalArgumentException("slots are bound to IPv4 addresses, got " + host);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("no such port: " + port);
    }
    String command = "set server " + target(backend, server) + " addr " + host + " port " + port;
    String answer = execute(command);
    if (!ADDRESS_CHANGED.matcher(answer).matches()) {
      throw refusal(command, answer);
    }
  }

  /** Sets a server's absolute weight, 0 to 256. */
  public void setWeight(String backend, String server, int weight) {
    expectEmpty("set weight " + target(backend, server) + " " + weight);
  }

  public void setState(String backend, String server, ServerAdminState state) {
    expectEmpty("set server " + target(backend, server) + " state " + state.word());
  }

  /** The servers of {@code backend}, from {@code show servers state}. */
  public List<ServerState> showServers(String backend) {
    String command = "show servers state " + name(backend);
    String answer = execute(command);
    return parseServersState(command, answer);
  }

  /**
   * Sends one command and returns HAProxy's whole answer.
   *
   * @throws HaproxyException when the socket cannot be reached or does not answer in time
   */
  public String execute(String command) {
    if (command.contains("\n")) {
      throw new IllegalArgumentException("one command per line: " + command);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer request = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
      while (request.hasRemaining()) {
        channel.write(request);
      }
      return readToEnd(channel, command, deadline);
    } catch (IOException e) {
      throw new HaproxyException(
          command, "HAProxy's admin socket " + socket + " did not answer: " + e.getMessage(), e);
    }
  }

  private String readToEnd(SocketChannel channel, String command, long deadline)
      throws IOException {
    channel.configureBlocking(false);
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    try (Selector selector = Selector.open()) {
      channel.register(selector, SelectionKey.OP_READ);
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new HaproxyException(
              command, "HAProxy did not finish answering within " + timeout + ": " + command);
        }
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
        int read;
        while ((read = channel.read(buffer)) > 0) {
          answer.write(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        if (read < 0) {
          return answer.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  private void expectEmpty(String command) {
    String answer = execute(command);
    if (!answer.isBlank()) {
      throw refusal(command, answer);
    }
  }

  private static HaproxyException refusal(String command, String answer) {
    return new HaproxyException(
        command, "HAProxy refused '" + command + "': " + answer.strip().replace('\n', ' '));
  }

  private static String target(String backend, String server) {
    return name(backend) + "/" + name(server);
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a HAProxy proxy or server name: " + name);
    }
    return name;
  }

  /**
   * Reads {@code show servers state} format 1: a version line, a '#' header naming the columns,
   * then one line per server.
   */
  static List<ServerState> parseServersState(String command, String answer) {
    String[] lines = answer.split("\n");
    if (lines.length < 2 || !lines[0].strip().equals("1") || !lines[1].startsWith("# ")) {
      throw refusal(command, answer);
    }
    String[] header = lines[1].substring(2).strip().split("\\s+");
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      column.put(header[i], i);
    }
    List<ServerState> servers = new ArrayList<>();
    for (int i = 2; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].strip().split("\\s+");
      servers.add(
          new ServerState(
              field(f, column, "be_name"),
              field(f, column, "srv_name"),
              field(f, column, "srv_addr"),
              Integer.parseInt(field(f, column, "srv_port")),
              Integer.parseInt(field(f, column, "srv_op_state")),
              Integer.parseInt(field(f, column, "srv_admin_state")),
              Integer.parseInt(field(f, column, "srv_uweight"))));
    }
    return servers;
  }

  private static String field(String[] fields, Map<String, Integer> column, String name) {
    Integer i = column.get(name);
    if (i == null || i >= fields.length) {
      throw new HaproxyException(
          "show servers state", "HAProxy's servers state has no column " + name);
    }
    return fields[i];
  }
}
