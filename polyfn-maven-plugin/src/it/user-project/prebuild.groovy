// A stand-in for the container's base image (eclipse-temurin:25-jre-noble), which the build machines cannot pull
// (no registry but Maven Central): an empty image as a tarball, given to the plugin as -Dpolyfn.container.from=tar://...
import com.google.cloud.tools.jib.api.Containerizer
import com.google.cloud.tools.jib.api.Jib
import com.google.cloud.tools.jib.api.TarImage

def base = new File(basedir, 'base-image.tar').toPath()
Jib.fromScratch().containerize(Containerizer.to(TarImage.at(base).named('base:offline')))
return true
