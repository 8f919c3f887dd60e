package main

import (
	"context"
	"os"
	"strings"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

func main() {
	ctx := context.Background()
	s, err := data.Open(ctx, os.Args[1], data.Options{Device: "look"})
	if err != nil { panic(err) }
	must := func(err error) { if err != nil { panic(err) } }
	must(s.MarkStarted(ctx))
	must(s.GenerateSample(ctx, data.SmallSample, 2006))
	must(s.GenerateTrainingSample(ctx, data.SmallTrainingSample, 2006))
	must(s.GenerateCoordinationSample(ctx, data.SmallCoordinationSample, 2006))
	must(export.SampleReply(ctx, s))
	rs, _ := s.Replies(ctx)
	must(s.SetAnswer(ctx, rs[0].ID, data.Answer{QuestionID: "A1", YesNo: "yes", Narrative: strings.Repeat("The national referral mechanism was revised in 2025 after consultation with every member agency.\n", 31000/98)}))
	must(s.Close())
}
