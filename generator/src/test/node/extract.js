// Prints what the reference JavaScript baker (npm openbadges-bakery 1.0.5) extracts from an image.
// Usage: NODE_PATH=target/node/node_modules node extract.js FILE
'use strict';
const fs = require('fs');
const bakery = require('openbadges-bakery');

bakery.extract(fs.readFileSync(process.argv[2]), (err, data) => {
  if (err) {
    console.error(err.message);
    process.exit(1);
  }
  process.stdout.write(String(data));
});
