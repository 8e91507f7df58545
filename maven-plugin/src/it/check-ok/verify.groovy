// The check goal passed the site and wrote nothing.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Checked badge site ') : 'no summary line in the build log'
assert !log.contains('[ERROR]')
assert !new File(basedir, 'target/site').exists() : 'check wrote a site'
return true
