// The subset of re2's API gitlab-ci-local uses: `new RE2(pattern, flags)` with test/exec/match.
class RE2 extends RegExp {
  constructor(pattern, flags) {
    if (pattern instanceof RegExp) super(pattern.source, flags ?? pattern.flags);
    else super(String(pattern), flags);
  }
}
module.exports = RE2;
module.exports.default = RE2;
