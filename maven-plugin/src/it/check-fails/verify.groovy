// The misspelt key is reported with its file, line and column and a hint, and nothing is written.
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

assert lines.contains("[ERROR] badges/intro.md:3:1: error[BSG102]: unknown key 'nmae'") : 'no diagnostic for the misspelt key'
assert lines.any { it.startsWith('[ERROR]   hint: ') && it.contains("did you mean 'name'?") } : 'no hint'
assert lines.any { it.contains('badge site has ') && it.contains(' error') } : 'no failure summary'
// A content problem is not a crash: no stack trace for it.
assert !lines.any { it.trim().startsWith('at dev.badgesmith.') } : 'a stack trace was printed'
assert !new File(basedir, 'target/site').exists() : 'a site was written despite errors'
return true
