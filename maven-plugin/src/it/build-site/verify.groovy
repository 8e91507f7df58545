// The build goal published the site, and the hosted assertion names its recipient only by hash.
File site = new File(basedir, 'target/site')
File manifest = new File(site, 'manifest.json')
File assertion = new File(site, 'assertions/first-steps/ada.json')

assert manifest.isFile() : "no ${manifest}"
assert assertion.isFile() : "no ${assertion}"

String json = assertion.getText('UTF-8')
assert !json.contains('ada@example.org') : 'the assertion holds the plain email address'
assert json.contains('sha256$') : 'the assertion holds no hashed identity'

// buildDate: the award expired before the date the pages were built for.
String page = new File(site, 'assertions/first-steps/ada/index.html').getText('UTF-8')
assert page.contains('class="banner expired"') : 'the award page shows no expired banner'

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Built ') : 'no summary line in the build log'
return true
