// What a new user checks after `mvn -P<cloud> package` and `mvn polyfn:invoke` (the invocations in invoker.properties).
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target/polyfn')

def fail = { String what -> throw new AssertionError(what) }
def check = { boolean ok, String what -> if (!ok) fail(what) }

// invoke printed the function's answer on every cloud (aws, azure, gcp, aliyun, tencent, web, container, openwhisk)
['aws', 'azure', 'gcp', 'aliyun', 'tencent', 'web', 'container', 'openwhisk'].each { cloud ->
    check(log.contains("[polyfn] ${cloud}: "), "no polyfn:invoke run for ${cloud}")
}
check(log.count('{"squares":[4,9,16]}') >= 9, 'not every invocation answered {"squares":[4,9,16]}')
// the container: started as the Dockerfile's ENTRYPOINT; a queue event arrives as a binary-mode CloudEvent and the
// reply event comes back the same way
check(log.contains("[polyfn] container: the image's ENTRYPOINT"), 'polyfn:invoke on the container did not start the entrypoint')
check(log.contains('{"NUMBERS":[2,3,4]}!'), 'the container did not answer the queue CloudEvent')
check(log.contains('ce-type: dev.knative.kafka.event.result'), 'the container answered no binary-mode reply event')
// OpenWhisk: a raw web action through the controller's answer, a plain action's JSON result, the 404 contract
check(log.contains("[polyfn] openwhisk: the Java action runtime's /init and /run"), 'polyfn:invoke on OpenWhisk did not run /init and /run')
check(log.contains('/run 200'), 'the plain OpenWhisk action did not answer')
// the unknown function: the 404 contract, and the build failed
check(log.contains('function_not_found'), 'polyfn:invoke of nope did not print the 404 contract')
// on Azure too: the host's empty 404, then the contract naming the app's functions
check(log.contains("No function named 'nope' in the Azure app shop-1.0.0; its functions are [shout, square]"),
        'polyfn:invoke of nope on Azure did not print the 404 contract')
// Tencent's event function runs through the package's own bootstrap loop (SCF's Custom Runtime API)
check(log.contains('[polyfn] tencent: SCF Custom Runtime'), 'polyfn:invoke on Tencent did not run the package bootstrap')
// the container image Jib Core built in the package goal: the Dockerfile's entrypoint less the AOT cache, its user and
// port, the dependencies and the jar as two layers
def imageTar = new File(basedir, 'target/shop-image.tar')
check(imageTar.isFile(), 'polyfn:package did not write the image tarball')
def tarFiles = { InputStream stream ->
    def files = [:]
    def tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(stream)
    def entry
    while ((entry = tar.nextEntry) != null) {
        if (!entry.directory) files[entry.name.replaceFirst('^\\.?/', '')] = tar.readAllBytes()
    }
    tar.close()
    files
}
def image = tarFiles(imageTar.newInputStream())
def json = new groovy.json.JsonSlurper()
def manifest = json.parse(image['manifest.json'])[0]
def config = json.parse(image[manifest.Config]).config
check(config.Entrypoint == ['java', '-XX:MaxRAMPercentage=75.0', '-XX:+ExitOnOutOfMemoryError', '-jar', '/app/shop-1.0.0.jar'],
        "the image's entrypoint is ${config.Entrypoint}")
check(config.User == '10001:10001' && config.WorkingDir == '/app' && config.Env.contains('PORT=8080')
        && config.ExposedPorts.containsKey('8080/tcp'), "the image's configuration is ${config}")
check(manifest.Layers.size() == 2, "the image has ${manifest.Layers.size()} layers, not the dependencies' and the jar's")
def jarLayer = tarFiles(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(image[manifest.Layers[1]])))
check(jarLayer.keySet() == ['app/shop-1.0.0.jar'] as Set, "the application layer holds ${jarLayer.keySet()}")
check(log.contains('built with Jib Core'), 'the build log does not say Jib Core built the image')

// polyfn.cloud=gcp without adapter-gcp: the error names the dependency to add
check(log.contains('<artifactId>adapter-gcp</artifactId>'), 'the missing adapter error does not name the dependency')

// every plan names both beans (no polyfn.deploy.* entries: one HTTP deployment per bean)
def plans = [
    'aws/template.yaml', 'aws/DEPLOY.md', 'gcp/deploy.sh', 'gcp/DEPLOY.md', 'aliyun/s.yaml', 'aliyun/DEPLOY.md',
    'tencent/event-function/serverless.yml', 'tencent/DEPLOY.md', 'azure/DEPLOY.md'
]
plans.each { plan ->
    def text = new File(target, plan).text
    check(text.contains('square') && text.contains('shout'), "${plan} does not name both functions")
}
['square', 'shout'].each { fn ->
    check(new File(target, "azure/shop-1.0.0/${fn}/function.json").isFile(), "no Azure function.json for ${fn}")
}

// one cloud per artifact: no class of another cloud's adapter
def clouds = ['aws', 'azure', 'gcp', 'aliyun', 'tencent']
def entriesOf = { File archive ->
    def zip = new ZipFile(archive)
    try {
        def names = zip.entries().collect { it.name }
        // a ZIP that ships a jar (FC, SCF): look inside it too
        zip.entries().findAll { it.name.endsWith('.jar') }.each { e ->
            def tmp = File.createTempFile('polyfn-it', '.jar')
            tmp.bytes = zip.getInputStream(e).bytes
            names += new ZipFile(tmp).entries().collect { it.name }
        }
        names
    } finally {
        zip.close()
    }
}
// the packagers, descriptor writers and the ahead-of-time step (polyfn-packaging) run at build time only; the
// other names are where that code lived before it moved out of the adapters and function-core
def isBuildTime = { String name ->
    name.startsWith('dev/polyfn/packaging/') || name ==~ 'dev/polyfn/[a-z]+/packaging/.*' ||
        name.startsWith('dev/polyfn/gcp/deploy/') || name.startsWith('dev/polyfn/core/deploy/DeploySummary') ||
        name.startsWith('dev/polyfn/core/boot/AheadOfTime') || name.startsWith('dev/polyfn/core/boot/PackageTimeFunctions')
}
def artifacts = [
    aws    : new File(target, 'aws').listFiles().find { it.name.endsWith('-aws.jar') },
    gcp    : new File(target, 'gcp/source').listFiles().find { it.name.endsWith('.jar') },
    aliyun : new File(target, 'aliyun').listFiles().find { it.name.endsWith('-aliyun.zip') },
    tencent: new File(target, 'tencent').listFiles().find { it.name.endsWith('-tencent.zip') },
]
artifacts.each { cloud, file ->
    check(file != null, "no ${cloud} artifact")
    def names = entriesOf(file)
    check(names.any { it.startsWith("dev/polyfn/${cloud}/") }, "${file.name} holds no ${cloud} adapter class")
    (clouds - cloud).each { other ->
        check(!names.any { it.startsWith("dev/polyfn/${other}/") }, "${file.name} holds classes of the ${other} adapter")
    }
    check(!names.any(isBuildTime), "${file.name} holds packaging classes: ${names.findAll(isBuildTime).take(3)}")
}
def azureLib = new File(target, 'azure/shop-1.0.0/lib').list() as List
(clouds - 'azure').each { other ->
    check(!azureLib.any { it.startsWith("adapter-${other}") }, "the Azure lib/ holds adapter-${other}")
}
check(!azureLib.any { it.startsWith("polyfn-packaging") }, "the Azure lib/ holds polyfn-packaging")
new File(target, 'azure/shop-1.0.0/lib').listFiles().findAll { it.name.startsWith('adapter-') || it.name.startsWith('function-core') }.each { jar ->
    def names = entriesOf(jar)
    check(!names.any(isBuildTime), "the Azure lib/${jar.name} holds packaging classes")
}
// AWS's own linter (cfn-lint with the SAM translator, on every machine) accepts the user project's template:
// its exit code is a bit mask, 2 = errors; warnings (4) are printed, not fatal
def lint = ['cfn-lint', '--format', 'parseable', '--', new File(target, 'aws/template.yaml').path].execute()
def findings = lint.text
lint.waitFor()
if (findings.trim()) println "cfn-lint findings on the sample project's template.yaml:\n${findings}"
check((lint.exitValue() & 2) == 0, "cfn-lint reports errors on the sample project's template.yaml:\n${findings}")
// mvn package without a cloud: the web app's folder, and the command DEPLOY.md prints starts it with its archive
def web = new File(target, 'web')
check(new File(web, 'shop-1.0.0.jar').isFile() && new File(web, 'app.jsa').isFile() && new File(web, 'lib').isDirectory(),
        "target/polyfn/web/ lacks the jar, app.jsa or lib/: ${web.list()}")
def webLib = new File(web, 'lib').list() as List
check(!webLib.any { it.startsWith('adapter-') || it.startsWith('polyfn-packaging') }, "the web app's lib/ holds ${webLib}")
def printed = new File(web, 'DEPLOY.md').text.readLines().find { it.startsWith('java -XX:SharedArchiveFile=') }
check(printed != null, "DEPLOY.md of the web app prints no java command with its archive")
def port = new ServerSocket(0).withCloseable { it.localPort }
def words = printed.trim().split(/ +/) as List
words[0] = System.getProperty('java.home') + '/bin/java'
words.add(1, '-Xshare:on') // refuses to start when the archive does not fit this JVM, class path and jars
def builder = new ProcessBuilder(words).directory(basedir).redirectErrorStream(true)
builder.environment().put('PORT', port as String)
def webLog = new File(basedir, 'target/web-app.log')
builder.redirectOutput(webLog)
def server = builder.start()
try {
    def answer = null
    for (int i = 0; i < 600 && answer == null && server.isAlive(); i++) {
        try {
            def connection = new URL("http://127.0.0.1:${port}/square").openConnection()
            connection.doOutput = true
            connection.setRequestProperty('Content-Type', 'application/json')
            connection.outputStream.withCloseable { it << new File(basedir, 'data.json').bytes }
            answer = connection.inputStream.text
        } catch (ConnectException notYet) {
            Thread.sleep(100)
        }
    }
    check(answer != null && answer.contains('squares'), "the web app started as DEPLOY.md prints it did not answer square: ${answer} ${webLog.text}")
} finally {
    server.destroy()
    server.waitFor()
}
return true
