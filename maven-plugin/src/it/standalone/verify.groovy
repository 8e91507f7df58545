// badgesmith:help described the build goal, and the installed plugin checked and built the site.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /badgesmith-maven-plugin:[^:]+:help \(default-cli\)/ : 'no help goal ran'
assert log.contains('badgesmith:build') : 'the help names no build goal'
assert log.contains('User property: badgesmith.siteDirectory') : 'the help describes no parameter'
assert log.contains('[INFO] Checked badge site ') : 'no check summary in the build log'
assert log.contains('[INFO] Built ') : 'no build summary in the build log'
assert !log.contains('[ERROR]')
assert new File(basedir, 'target/site/manifest.json').isFile() : 'no site in target/site'
return true
