// The example site as committed, published.lock included, with one published award edited after
// it was locked: what a pull request that alters an award looks like.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

// The project was cloned to maven-plugin/target/it/<name> (cloneProjectsTo in the plugin's pom).
Path exampleSite = basedir.toPath().resolve('../../../../example-site').normalize()
assert Files.isRegularFile(exampleSite.resolve('published.lock')) : "no published.lock in ${exampleSite}"
for (String name : ['site.yaml', 'published.lock', 'issuers', 'badges', 'awards', 'endorsements', 'frameworks', 'keys']) {
  Path from = exampleSite.resolve(name)
  Files.walk(from).each { Path source ->
    Path target = basedir.toPath().resolve(exampleSite.relativize(source).toString())
    if (Files.isDirectory(source)) {
      Files.createDirectories(target)
    } else {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
    }
  }
}
Path award = basedir.toPath().resolve('awards/code-reviewer/amara-okafor.yaml')
String text = Files.readString(award)
assert text.contains('**eleven**')
Files.writeString(award, text.replace('**eleven**', '**twelve**'))
return true
