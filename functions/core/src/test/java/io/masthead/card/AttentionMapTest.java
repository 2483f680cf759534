package io.masthead.card;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttentionMapTest {

    /** The rank lookup that scales the edge map gives exactly what a full sort gives. */
    @Test
    void atRankIsTheSortedValue() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(5000);
            double[] v = new double[n];
            int distinct = 1 + random.nextInt(trial % 2 == 0 ? 5 : 100_000); // many ties, or few
            for (int i = 0; i < n; i++) v[i] = random.nextInt(distinct) * random.nextDouble(0.5, 1.5);
            if (trial % 10 == 0) Arrays.fill(v, 0, n / 2, 0.0); // an edge map's zero border
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {0, n / 2, (int) (n * 0.99), n - 1}) {
                assertEquals(sorted[k], AttentionMap.atRank(v, k), "trial " + trial + ", k " + k);
            }
        }
        assertEquals(3.0, AttentionMap.atRank(new double[] {3, 3, 3}, 1));
    }
}
