// The check names the edited award's file and the line of its narrative, hints at revoking, and
// nothing is built.
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

assert lines.any {
  it.startsWith('[ERROR] awards/code-reviewer/amara-okafor.yaml:5:1: error[BSG401]: the published award code-reviewer/amara-okafor') &&
      it.endsWith('changed: its narrative changed')
} : 'no diagnostic naming the edited award'
assert lines.any { it.startsWith('[ERROR]   hint: ') && it.contains('revoke it instead') } : 'no hint to revoke'
assert lines.any { it.contains('badge site has 1 error') } : 'no failure summary'
assert !lines.any { it.trim().startsWith('at dev.badgesmith.') } : 'a stack trace was printed'
assert !new File(basedir, 'target/site').exists() : 'a site was written despite the error'
return true
