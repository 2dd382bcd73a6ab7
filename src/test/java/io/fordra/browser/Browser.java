package io.fordra.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium (headless) through Debian's chromedriver: nothing is downloaded, and there is no fallback that
 * would skip a test when either is missing (CI installs both). Saves a screenshot per step to
 * {@code target/browser-screenshots/<test>/<nn>-<step>.png}.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String base;
  private final Path profile;
  private final Path screenshots;
  private final Path downloads;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private int step;

  private Browser(int port, String test) {
    this.base = "http://localhost:" + port;
    try {
      this.profile = Files.createTempDirectory("fordra-chromium-");
      this.downloads = Files.createTempDirectory("fordra-downloads-");
      this.screenshots = Path.of("target", "browser-screenshots", test);
      if (Files.exists(screenshots)) {
        try (Stream<Path> old = Files.list(screenshots)) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1100", "--lang=en-GB", "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en",
        "download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false,
        "plugins.always_open_pdf_externally", true));
    this.driver = new ChromeDriver(service, options);
  }

  /**
   * A Camunda user who belongs to one group only (never admin), with a unique id; the password is
   * {@link #PASSWORD}.
   */
  public static String user(org.camunda.bpm.engine.IdentityService identity, String group, String first,
                            String last) {
    String id = first.toLowerCase() + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    org.camunda.bpm.engine.identity.User user = identity.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(id + "@fordra.example");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  public static final String PASSWORD = "browser-test-pass-1";

  /** Starts Chromium for a test; screenshots go to target/browser-screenshots/{test}/. */
  public static Browser start(int port, String test) {
    return new Browser(port, test);
  }

  public WebDriver driver() {
    return driver;
  }

  public String url(String path) {
    return base + path;
  }

  public void open(String path) {
    driver.get(url(path));
  }

  /** Saves {@code <nn>-<name>.png} for this step. */
  public Path screenshot(String name) {
    step++;
    Path file = screenshots.resolve(String.format("%02d-%s.png", step, name));
    try {
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Saves the page's HTML next to the screenshots (for looking into a failure). */
  public Path html(String name) {
    Path file = screenshots.resolve(name + ".html");
    try {
      Files.writeString(file, driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Waits for a finished download (no .crdownload left) named like the pattern and returns it. */
  public Path downloaded(String glob) {
    java.nio.file.PathMatcher matcher = downloads.getFileSystem().getPathMatcher("glob:" + glob);
    return waiting().until(d -> {
      try (Stream<Path> files = Files.list(downloads)) {
        List<Path> all = files.toList();
        if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
          return null;
        }
        return all.stream().filter(f -> matcher.matches(f.getFileName())).findFirst().orElse(null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  public WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement present(By by) {
    return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return waiting().until(ExpectedConditions.elementToBeClickable(by));
  }

  /** A real click, after scrolling the element to the middle of the window (not under a sticky header or footer). */
  public WebElement click(By by) {
    WebElement element = waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
    waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
    return element;
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /**
   * Tasklist's list searched for one process instance business key (the search pill Tasklist itself puts in its URL),
   * so the test's task is on the first page however many other tasks the user may see.
   */
  public static String tasklistSearch(String tasklistPath, String businessKey) {
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey
        + "\",\"name\":\"\"}]";
    return tasklistPath + "#/?searchQuery=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /**
   * The Camunda webapps' login (Tasklist, Cockpit): open the app's URL, fill the login form, take the screenshot
   * "login" and submit it.
   */
  public void loginCamunda(String appPath, String user, String password) {
    open(appPath);
    WebElement username = visible(By.cssSelector("input[placeholder=\"Username\"]"));
    username.clear();
    username.sendKeys(user);
    WebElement secret = driver.findElement(By.cssSelector("input[placeholder=\"Password\"]"));
    secret.clear();
    secret.sendKeys(password);
    screenshot("login");
    driver.findElement(By.cssSelector("form button[type=\"submit\"]")).click();
  }

  /**
   * fetch() from the page, as the page's own scripts would (same cookies); the Camunda XSRF token is sent from
   * the XSRF-TOKEN cookie. Returns {status, text} where text is the start of the body (at most 2 000 characters,
   * bytes as Latin-1 so binary files keep their magic numbers).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> fetch(String method, String path, String jsonBody) {
    String script = """
        const done = arguments[arguments.length - 1];
        const [method, url, body] = arguments;
        const xsrf = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '').substring(11);
        const headers = {'Accept': 'application/json, */*'};
        if (xsrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(xsrf);
        if (body !== null) headers['Content-Type'] = 'application/json';
        fetch(url, {method, headers, body: body === null ? undefined : body, credentials: 'same-origin'})
          .then(async r => {
            const bytes = new Uint8Array(await r.arrayBuffer());
            let text = '';
            for (let i = 0; i < Math.min(bytes.length, 2000); i++) text += String.fromCharCode(bytes[i]);
            done({status: r.status, text, length: bytes.length});
          })
          .catch(e => done({status: -1, text: String(e), length: 0}));
        """;
    driver.manage().timeouts().scriptTimeout(WAIT);
    return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(script, method, path, jsonBody);
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      for (Path dir : List.of(profile, downloads)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // a temp directory left behind is harmless
        }
      }
    }
  }
}
